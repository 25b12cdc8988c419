// The problems the viewer can meet in opening a PDF, in words for the user.

/** Why a PDF could not be shown or annotated, in words for the user. */
export type LoadProblem =
  | {
      kind: 'not-pdf' | 'damaged' | 'password' | 'no-text' | 'http' | 'network' | 'bad-address';
      message: string;
    }
  | {
      /** The browser refused the download: the extension may not read that site yet. */
      kind: 'permission';
      message: string;
      /** The site to ask for, e.g. "https://files.ofsted.gov.uk". */
      origin: string;
    };

export const PROBLEMS = {
  notPdf: { kind: 'not-pdf', message: 'This file is not a PDF.' },
  damaged: { kind: 'damaged', message: 'This PDF is damaged and cannot be read.' },
  password: {
    kind: 'password',
    message: 'This PDF is protected by a password, so it cannot be annotated.',
  },
  noText: {
    kind: 'no-text',
    message:
      'This PDF has no text layer (it may be a scanned image), so passages cannot be selected or annotated.',
  },
} as const satisfies Record<string, LoadProblem>;

export function httpProblem(status: number): LoadProblem {
  return { kind: 'http', message: `Could not download the report: HTTP ${status}.` };
}

export function networkProblem(): LoadProblem {
  return {
    kind: 'network',
    message: 'Could not download the report: the network did not answer. Check the connection and try again.',
  };
}

export function permissionProblem(origin: string): LoadProblem {
  const host = new URL(origin).host;
  return {
    kind: 'permission',
    message: `Ofsted Annotator may not download files from ${host} until you allow it.`,
    origin,
  };
}

export function badAddressProblem(address: string): LoadProblem {
  return {
    kind: 'bad-address',
    message: `This address cannot be opened in the viewer: ${address}. Only web addresses (https or http) can be.`,
  };
}

/** A failure that carries its problem for the user. */
export class LoadError extends Error {
  constructor(readonly problem: LoadProblem) {
    super(problem.message);
    this.name = 'LoadError';
  }
}
