/** What the middlewares put on a request's context for the handlers. */
import type { Language } from '../i18n.js';

export interface AppEnv {
  Variables: {
    requestId: string;
    language: Language;
    /** The Moodle user the plugin acts for (from the signed headers). */
    userId: number;
    /** Epoch milliseconds by which the request must be answered. */
    deadline: number;
  };
}
