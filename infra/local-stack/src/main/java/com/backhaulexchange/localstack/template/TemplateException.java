package com.backhaulexchange.localstack.template;

/** The template cannot be read, or something in it cannot be emulated locally. */
public class TemplateException extends RuntimeException {

    public TemplateException(String message) {
        super(message);
    }

    public TemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
