/** Where the demo keeps its generated secret (ignored by git). */
import { fileURLToPath } from 'node:url';

export const DEMO_DIR = fileURLToPath(new URL('../../.demo/', import.meta.url));
export const DEMO_SECRET_FILE = `${DEMO_DIR}secret`;
export const DEMO_DATABASE_URL = 'mysql://root@127.0.0.1:3306/moodle_lettering_demo';
