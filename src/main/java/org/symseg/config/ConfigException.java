package org.symseg.config;

/** A setting with a value that is not allowed; the message is one line meant for the user. */
public class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }
}
