import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { lockDataFolder } from './owner-lock';

export interface EmbeddedDatabase {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Folder holding the cluster; omit for an in-memory database (tests). */
  folder?: string;
  port: number;
  host?: string;
}

/**
 * Starts the one process that owns the PGlite data folder and serves it over the PostgreSQL protocol.
 * pglite-socket runs every connection's queries on PGlite's single session, one at a time, and makes other
 * connections wait while one is inside a transaction — so concurrent requests never share a transaction.
 */
export async function startEmbeddedDatabase(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const host = options.host ?? '127.0.0.1';
  const release = options.folder ? lockDataFolder(options.folder) : () => {};
  let db: PGlite | undefined;
  try {
    // pg_trgm: typo-tolerant search (migration 0007), the same extension PostgreSQL has.
    const extensions = { pg_trgm };
    db = options.folder
      ? await PGlite.create(path.join(options.folder, 'pgdata'), { extensions })
      : await PGlite.create({ extensions });
    const server = new PGLiteSocketServer({ db, host, port: options.port, maxConnections: 64 });
    await server.start().catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        throw new Error(
          `Порт ${options.port} для встроенной базы данных занят. Укажите другой порт в OPORA_EMBEDDED_PORT.`,
        );
      }
      throw error;
    });
    const opened = db;
    let stopped = false;
    return {
      url: `postgres://postgres@${host}:${options.port}/postgres`,
      port: options.port,
      async stop() {
        if (stopped) return;
        stopped = true;
        await server.stop();
        await opened.close();
        release();
      },
    };
  } catch (error) {
    await db?.close().catch(() => {});
    release();
    throw error;
  }
}
