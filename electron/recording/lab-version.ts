import pkg from '../../package.json' with { type: 'json' };

/** This Socket Lab's version, written into each recording's header. */
export const LAB_VERSION: string = pkg.version;
