/** "Not found means gone": the one place a resource turns the API's not-found answer into "nothing there". */
import { ApiError } from '../../client/errors';

/**
 * Runs `call`; null when the API answers that the object, or the domain or user it belongs to,
 * does not exist (for a read: Terraform plans to create it again; for a delete: it is already gone).
 * Every other error is rethrown.
 */
export async function nullIfGone<T>(call: () => Promise<T>): Promise<T | null> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof ApiError && error.isNotFound()) return null;
    throw error;
  }
}
