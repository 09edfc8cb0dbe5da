package com.backhaulexchange.emissions;

/** The fuel a factor set's figures are for; its emission factors are per US gallon. */
public enum Fuel {
    DIESEL
}
