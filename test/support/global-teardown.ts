import { stopMariaDb } from './mariadb-server';
import { stopCluster } from './postgres-cluster';

export default async function globalTeardown(): Promise<void> {
  const pgDir = process.env.IREDADMIN_TEST_PG_DIR;
  const mysqlDir = process.env.IREDADMIN_TEST_MYSQL_DIR;
  try {
    if (pgDir) stopCluster(pgDir);
  } finally {
    if (mysqlDir) stopMariaDb(mysqlDir, Number(process.env.IREDADMIN_TEST_MYSQL_PID));
  }
}
