/** The source of a regular expression (to be anchored `^…$`) matching an Accept-Encoding that accepts gzip. */
export const ACCEPTS_GZIP: string;
