package io.switchboard.support;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Builds what a test needs through the public API, with fresh ids so tests sharing one server never
 * see each other's data.
 */
public final class Fixtures {
    public static final String ADMIN_PASSWORD = "admin-test-password";
    public static final String PASSWORD = "pw-" + "test";

    private final int port;
    private final Api admin;

    public Fixtures(int port) {
        this.port = port;
        this.admin = Api.as(port, "admin", ADMIN_PASSWORD);
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public Api admin() {
        return admin;
    }

    public Api anonymous() {
        return Api.anonymous(port);
    }

    public Api as(String username) {
        return Api.as(port, username, PASSWORD);
    }

    public String customer() {
        String id = unique("CUST");
        created(admin.post("/api/customers", """
                {"id":"%s","name":"Customer %s"}""".formatted(id, id)));
        return id;
    }

    /**
     * A system of the customer with a product name nobody else uses, so ranking is predictable. The product is one
     * made-up word: the product is part of the text routing ranks by, and a shared word in it ("PRODUCT", "SYS")
     * would make every test's engineers (and resolvers) candidates for every other test's incidents.
     */
    public String system(String customerId) {
        String id = unique("SYS");
        created(admin.post("/api/customers/" + customerId + "/systems", """
                {"id":"%s","name":"Gateway %s","product":"%s","version":"1.0",
                 "site":{"label":"Plant","lat":51.9,"lon":4.5},"tags":["test"]}""".formatted(id, id, nonsenseWord())));
        return id;
    }

    /** An available engineer who declares the given level on the system. */
    public String engineer(String systemId, int level) {
        String id = unique("ENG");
        created(admin.post("/api/engineers", """
                {"id":"%s","name":"Engineer %s","skills":["diagnostics"],
                 "systems":[{"systemId":"%s","level":%d}],"base":{"lat":52.0,"lon":4.4},"maxActive":2}"""
                .formatted(id, id, systemId, level)));
        return id;
    }

    /** An available engineer declaring the level on the system, with a profile (skills, name) no text search matches. */
    public String engineer(String systemId, int level, int maxActive) {
        String id = unique("ENG");
        created(admin.post("/api/engineers", """
                {"id":"%s","name":"Engineer %s","skills":["diagnostics"],
                 "systems":[{"systemId":"%s","level":%d}],"base":{"lat":52.0,"lon":4.4},"maxActive":%d}"""
                .formatted(id, id, systemId, level, maxActive)));
        return id;
    }

    /**
     * A word no other test uses: incidents titled with such words match no engineer profile and no past
     * incident, so routing only considers the engineers who declared the incident's system.
     */
    public static String nonsenseWord() {
        var random = java.util.concurrent.ThreadLocalRandom.current();
        var word = new StringBuilder("zq");
        for (int i = 0; i < 10; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    /** Opens an incident whose text matches nobody's profile or history (see {@link #nonsenseWord()}). */
    public String quietIncident(Api as, String systemId, String severity) {
        var response = as.post("/api/incidents", """
                {"systemId":"%s","severity":"%s","title":"%s %s",
                 "description":"%s %s %s"}"""
                .formatted(systemId, severity, nonsenseWord(), nonsenseWord(), nonsenseWord(), nonsenseWord(),
                        nonsenseWord()));
        created(response);
        return response.get("id");
    }

    public String customerUser(String customerId) {
        return user("CUSTOMER", "\"customerId\":\"" + customerId + "\"");
    }

    public String engineerUser(String engineerId) {
        return user("ENGINEER", "\"engineerId\":\"" + engineerId + "\"");
    }

    public String dispatcherUser() {
        return user("DISPATCHER", null);
    }

    private String user(String role, String link) {
        String username = unique(role.toLowerCase());
        created(admin.post("/api/users", """
                {"username":"%s","password":"%s","role":"%s"%s}"""
                .formatted(username, PASSWORD, role, link == null ? "" : "," + link)));
        return username;
    }

    /** Opens an incident as the given caller and returns its id. */
    public String incident(Api as, String systemId, String severity) {
        var response = as.post("/api/incidents", """
                {"systemId":"%s","severity":"%s","title":"Gateway stopped polling",
                 "description":"The gateway stopped polling its controllers after a restart"}"""
                .formatted(systemId, severity));
        created(response);
        return response.get("id");
    }

    private static void created(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }
}
