/** A problem the user of the command line can fix; printed as one line, never as a stack trace. */
export class UsageError extends Error {}
