export { geocodeArticle, provincePlace } from './geocodeArticle';
export { geocodeArticles, type GeocodedCorpus } from './geocodeArticles';
export { loadGazetteer } from './gazetteer';
export type { Candidate, ResolvedMention, ResolvedPlace } from './types';
