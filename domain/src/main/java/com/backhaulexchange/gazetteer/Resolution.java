package com.backhaulexchange.gazetteer;

import com.backhaulexchange.kernel.geo.Place;
import java.util.List;
import java.util.Objects;

/** What a gazetteer lookup found: exactly one place, none, or several. */
public sealed interface Resolution {

    record Resolved(Place place, GazetteerEntry entry) implements Resolution {
        public Resolved {
            Objects.requireNonNull(place, "place");
            Objects.requireNonNull(entry, "entry");
        }
    }

    /** No place has that name (in that state or country); the closest names, best first, may help. */
    record Unknown(List<GazetteerEntry> suggestions) implements Resolution {
        public Unknown {
            suggestions = List.copyOf(suggestions);
        }
    }

    /** Several places share the name; most populous first. */
    record Ambiguous(List<GazetteerEntry> candidates) implements Resolution {
        public Ambiguous {
            candidates = List.copyOf(candidates);
        }
    }
}
