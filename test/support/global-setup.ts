import { startCluster } from './postgres-cluster';

/** One PostgreSQL cluster per test run; each test file creates its own database in it. */
export default async function globalSetup(): Promise<void> {
  const cluster = await startCluster();
  process.env.IREDADMIN_TEST_PG_URL = cluster.url;
  process.env.IREDADMIN_TEST_PG_DIR = cluster.dir;
}
