// Runs before `next build`: a damaged article stops the build with one clear line naming the file.
import { loadCorpus } from '../lib/corpus';

try {
  const articles = loadCorpus();
  console.log(`corpus: ${articles.length} articles OK (${articles.map((a) => a.id).join(', ')})`);
} catch (e) {
  console.error(`corpus check failed: ${(e as Error).message}`);
  process.exit(1);
}
