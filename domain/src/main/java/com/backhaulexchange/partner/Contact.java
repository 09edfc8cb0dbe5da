package com.backhaulexchange.partner;

import java.util.Objects;

/** The person the exchange talks to at a partner company. Phone is E.164 and optional. */
public record Contact(String name, String email, String phone) {
    public Contact {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
    }
}
