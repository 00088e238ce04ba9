/** The signed-in caller, as the auth guard attaches it to the request. */
export interface AuthUser {
  id: string;
  handle: string;
  displayName: string;
}
