import { ForgeKvsAPIError } from '@forge/kvs';

/** Awaits `promise`, expects it to reject with the package's ForgeKvsAPIError of `code`/`status`, returns it. */
export async function expectKvsError(promise: Promise<unknown>, code: string, status: number): Promise<ForgeKvsAPIError> {
  const outcome = await promise.then(
    (value: unknown) => ({ rejected: false as const, value }),
    (error: unknown) => ({ rejected: true as const, error }),
  );
  if (!outcome.rejected) throw new Error(`expected ${code} (${status}), got success: ${JSON.stringify(outcome.value)}`);
  expect(outcome.error).toBeInstanceOf(ForgeKvsAPIError);
  const err = outcome.error as ForgeKvsAPIError;
  expect({ code: err.code, status: err.responseDetails.status }).toEqual({ code, status });
  return err;
}
