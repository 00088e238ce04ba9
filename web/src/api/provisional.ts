/**
 * Operations of shared/API.md that the merged server does not describe yet, typed by hand
 * until their feature lands: types.ts prefers the generated schema.ts entry for the same
 * route, so an entry here stops being used the moment the server describes it (delete it then).
 * Empty now: every route the client uses is generated.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ProvisionalEndpoints {}
