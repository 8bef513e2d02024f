package io.switchboard.search;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A background index update of a bulk load failed: what the database has is not all searchable. */
public class BulkIndexingFailedException extends ErrorResponseException {

    BulkIndexingFailedException(RuntimeException cause) {
        super(HttpStatus.INTERNAL_SERVER_ERROR, ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The search index could not take the loaded data (" + cause.getMessage() + "). What was stored is kept"
                        + " in the database; the index is being rebuilt from it, until then not all of it is searchable."), cause);
    }
}
