package io.switchboard.security;

/** Whether what an account points at exists; answered by the directory. */
public interface AccountReferences {

    boolean customerExists(String customerId);

    boolean engineerExists(String engineerId);
}
