import { stopCluster } from './postgres-cluster';

export default async function globalTeardown(): Promise<void> {
  const dir = process.env.IREDADMIN_TEST_PG_DIR;
  if (dir) stopCluster(dir);
}
