/** Figures (page or report) are asked for at most this often while they are being computed. */
const REQUEST_AGAIN_MS = 60_000;

/** Whether figures last asked for at `requestedAt` were asked for within the last minute. */
export const askedRecently = (requestedAt: string | null, now: Date): boolean => requestedAt !== null && now.getTime() - Date.parse(requestedAt) < REQUEST_AGAIN_MS;
