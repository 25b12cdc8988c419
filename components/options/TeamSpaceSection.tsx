import type { ConnectRequest } from '../../lib/background/team-space';
import type { Notice } from '../../lib/options/model';
import {
  describeStatus,
  describeSyncProgress,
  showsSyncProgress,
  type SyncProgress,
} from '../../lib/options/team-space-model';
import { ProgressBar } from '../ProgressBar';
import type { SpaceSettings, SpaceStatus } from '../../lib/sync/space-state';
import { NoticeArea } from './NoticeArea';

export interface TeamSpaceSectionProps {
  settings: SpaceSettings | null;
  status: SpaceStatus;
  /** A long burst of syncing (a first sync): a bar, without Cancel (Disconnect stops it). */
  progress?: SyncProgress | null;
  notices: Array<{ text: string; at: string }>;
  busy: 'connecting' | 'disconnecting' | null;
  notice: Notice | null;
  onConnect(request: ConnectRequest): void;
  onDisconnect(): void;
}

const FIELDS: Array<{
  name: keyof ConnectRequest;
  label: string;
  type: string;
  hint?: string;
  autocomplete: string;
}> = [
  {
    name: 'server',
    label: 'Server address',
    type: 'url',
    hint: 'For example https://couch.devon.gov.uk',
    autocomplete: 'url',
  },
  {
    name: 'database',
    label: 'Database',
    type: 'text',
    hint: 'The team space’s name on the server',
    autocomplete: 'off',
  },
  { name: 'user', label: 'User name', type: 'text', autocomplete: 'username' },
  {
    name: 'password',
    label: 'Password',
    type: 'password',
    hint: 'Used to sign in, never stored',
    autocomplete: 'current-password',
  },
  {
    name: 'name',
    label: 'Your name',
    type: 'text',
    hint: 'Shown to colleagues beside your annotations',
    autocomplete: 'name',
  },
];

/** The "Team space" section: connect to a CouchDB database the team shares, see how syncing goes. */
export function TeamSpaceSection(props: TeamSpaceSectionProps) {
  const { settings, status, notices, busy, notice } = props;

  function submit(e: Event) {
    e.preventDefault();
    if (busy) return;
    const form = new FormData(e.currentTarget as HTMLFormElement);
    const value = (name: string) => String(form.get(name) ?? '');
    props.onConnect({
      server: value('server'),
      database: value('database'),
      user: value('user'),
      password: value('password'),
      name: value('name'),
    });
  }

  return (
    <section class="team-space" aria-labelledby="team-space-heading">
      <h2 id="team-space-heading">Team space</h2>
      <p class="intro">
        Share annotations with colleagues, and with your other browsers, through a CouchDB database your team
        runs. Everything is kept on this computer first and sent when the server can be reached.
      </p>
      {settings ? (
        <div class="connected">
          <p>
            <strong>{settings.database}</strong> on {settings.server}, as {settings.me.name} (
            {settings.me.user}).{' '}
            {settings.editOthers
              ? 'Members may change each other’s annotations.'
              : 'Each member changes only their own annotations.'}
          </p>
          <p class="space-status" role="status" aria-live="polite">
            {describeStatus(status)}
          </p>
          {showsSyncProgress(props.progress ?? null) && (
            <ProgressBar
              class="space-progress"
              label={describeSyncProgress(props.progress!)}
              {...(props.progress!.waiting > 0 && {
                value: props.progress!.peak - props.progress!.waiting,
                max: props.progress!.peak,
              })}
            />
          )}
          <button type="button" disabled={busy !== null} onClick={props.onDisconnect}>
            {busy === 'disconnecting' ? 'Disconnecting…' : 'Disconnect'}
          </button>
        </div>
      ) : (
        <form class="connect" onSubmit={submit}>
          {FIELDS.map((field) => (
            <label key={field.name}>
              <span>{field.label}</span>
              <input
                name={field.name}
                type={field.type}
                required
                autocomplete={field.autocomplete}
                spellcheck={false}
              />
              {field.hint && <span class="hint">{field.hint}</span>}
            </label>
          ))}
          <button type="submit" class="primary" aria-disabled={busy !== null}>
            {busy === 'connecting' ? 'Connecting…' : 'Connect'}
          </button>
        </form>
      )}
      <NoticeArea notice={notice} />
      {notices.length > 0 && (
        <details class="space-notices">
          <summary>What happened while syncing ({notices.length})</summary>
          <ul>
            {[...notices].reverse().map((n) => (
              <li key={n.at + n.text}>{n.text}</li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
