export { geocodeArticle } from './geocodeArticle';
export { collectPlaces, geocodeArticles, type GeocodedCorpus } from './geocodeArticles';
export { loadGazetteer } from './gazetteer';
export type { Candidate, ResolvedMention, ResolvedPlace } from './types';
