package io.switchboard.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** A request that finds every database connection busy for the pool's whole wait is told to come back, not a 500. */
class OverloadProblemTests {

    @RestController
    static class BusyDatabase {
        @PostMapping("/busy")
        void open() {
            throw new CannotCreateTransactionException("Could not open JPA EntityManager for transaction",
                    new java.sql.SQLTransientConnectionException("Connection is not available, request timed out after 30000ms"));
        }
    }

    @Test
    void noConnectionInTimeIsA503WithRetryAfter() throws Exception {
        var mvc = MockMvcBuilders.standaloneSetup(new BusyDatabase()).setControllerAdvice(new ProblemDetailsAdvice()).build();

        mvc.perform(post("/busy"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(jsonPath("$.title").value("Overloaded"))
                .andExpect(jsonPath("$.status").value(503))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("try again")));
    }
}
