/**
 * npm run cache:clear → deletes the extraction cache (GEOBRIEF_CACHE_DIR, else .cache/geobrief/readings).
 * Nothing is lost: the next build or `npm run extract` reads every article again.
 */
import { clearCache, defaultCacheDir } from '../lib/extract-cache';

const dir = defaultCacheDir();
clearCache(dir);
process.stderr.write(`cache:clear: removed ${dir}\n`);
