import { render, screen } from '@testing-library/preact';
import { TeamSpaceSection, type TeamSpaceSectionProps } from '../../../components/options/TeamSpaceSection';
import { describeSyncProgress, showsSyncProgress, syncProgress } from '../../../lib/options/team-space-model';
import type { SpaceStatus } from '../../../lib/sync/space-state';

const syncing = (waiting: number, received = 0): SpaceStatus => ({ state: 'syncing', waiting, received });

describe('a first sync’s progress', () => {
  it('counts what was sent against the most that waited, then what was received', () => {
    let p = syncProgress(null, syncing(10_000));
    p = syncProgress(p, syncing(7_700));
    expect(p).toEqual({ peak: 10_000, waiting: 7_700, received: 0 });
    expect(describeSyncProgress(p!)).toBe('Sending 2,300 of 10,000 changes…');
    p = syncProgress(p, syncing(0, 3_400));
    expect(describeSyncProgress(p!)).toBe('Receiving: 3,400 changes so far…');
    expect(syncProgress(p, { state: 'connected', lastSynced: '2026-12-06T10:00:00.000Z' })).toBeNull();
  });

  it('shows a bar only for a long burst', () => {
    expect(showsSyncProgress(syncProgress(null, syncing(3)))).toBe(false);
    expect(showsSyncProgress(syncProgress(null, syncing(5_000)))).toBe(true);
  });

  it('is a bar in the Team space section, with no Cancel (Disconnect stops it)', () => {
    const props: TeamSpaceSectionProps = {
      settings: {
        server: 'https://couch.example.org',
        database: 'devon',
        me: { user: 'ann', name: 'Ann' },
        editOthers: false,
      } as TeamSpaceSectionProps['settings'],
      status: syncing(7_700),
      progress: { peak: 10_000, waiting: 7_700, received: 0 },
      notices: [],
      busy: null,
      notice: null,
      onConnect: vi.fn(),
      onDisconnect: vi.fn(),
    };
    render(<TeamSpaceSection {...props} />);
    const bar = screen.getByRole('progressbar', { name: 'Sending 2,300 of 10,000 changes…' });
    expect(bar).toHaveProperty('value', 2300);
    expect(screen.queryByRole('button', { name: /cancel/i })).toBeNull();
    expect(screen.getByRole('button', { name: 'Disconnect' })).toBeTruthy();
  });
});
