import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { DB } from '../db/schema.ts';
import type { Clock } from './clock.ts';
import type { EventBus } from './events.ts';

/** What services need from the outside world, passed in so tests can build it on a temp database and a manual clock. */
export interface Ctx {
  db: Kysely<DB>;
  clock: Clock;
  config: Config;
  log: Logger;
  events: EventBus;
}
