import type { EventProperties } from '../types';
import type { EventView } from './index';

/**
 * Where each field the event extractor writes goes on screen, or why it is deliberately not shown.
 * Typed over every key of the schema: a field added to lib/schema.ts without a line here is a type
 * error, and lib/present/fields.test.ts checks that a field with a value reaches its view fields.
 */
export const EVENT_FIELD_USE: { [K in keyof Required<EventProperties>]: readonly (keyof EventView)[] | { dropped: string } } = {
  kind: { dropped: 'tells events from places; the view holds only events' },
  id: ['id'],
  date: ['date', 'dateText', 'dateShort'],
  dateEnd: ['dateEnd', 'dateText'],
  timePrecision: ['timePrecision', 'timePrecisionText'],
  eventType: ['eventType'],
  subEventType: ['subEventType'],
  fatalities: ['fatalities', 'fatalitiesText'],
  injured: ['injured', 'injuredText'],
  fatalitiesVague: ['fatalitiesText'],
  injuredVague: ['injuredText'],
  location: ['location', 'placeText'],
  country: ['country'],
  admin1: ['admin1', 'placeText'],
  admin2: ['admin2'],
  geoPrecision: ['geoPrecision', 'geoPrecisionText'],
  uncertainty: ['uncertainty'],
  placeId: { dropped: 'the id of the place feature the event is drawn at; the coordinates are in the view' },
  placeSource: ['placeSource'],
  locationNote: ['locationNote'],
  dateBasis: ['dateBasis'],
  victims: ['nationalities', 'employers', 'targets'],
  weapons: ['weapons'],
  origin: ['origins'],
  actors: ['actors'],
  aggregates: ['aggregates'],
  sources: ['sources'],
  disagreements: ['disagreements'],
};
