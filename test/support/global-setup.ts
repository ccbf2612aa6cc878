import { startMariaDb, stopMariaDb } from './mariadb-server';
import { startCluster, stopCluster } from './postgres-cluster';

/** One PostgreSQL cluster and one MariaDB server per test run; each test file creates its own databases in them. */
export default async function globalSetup(): Promise<void> {
  const [cluster, mariadb] = await Promise.allSettled([startCluster(), startMariaDb()]);
  if (cluster.status === 'rejected' || mariadb.status === 'rejected') {
    // Whichever did start must not outlive the failed run.
    if (cluster.status === 'fulfilled') stopCluster(cluster.value.dir);
    if (mariadb.status === 'fulfilled') stopMariaDb(mariadb.value.dir, mariadb.value.pid);
    throw cluster.status === 'rejected' ? cluster.reason : (mariadb as PromiseRejectedResult).reason;
  }
  process.env.IREDADMIN_TEST_PG_URL = cluster.value.url;
  process.env.IREDADMIN_TEST_PG_DIR = cluster.value.dir;
  process.env.IREDADMIN_TEST_MYSQL_URL = mariadb.value.url;
  process.env.IREDADMIN_TEST_MYSQL_DIR = mariadb.value.dir;
  process.env.IREDADMIN_TEST_MYSQL_PID = String(mariadb.value.pid);
}
