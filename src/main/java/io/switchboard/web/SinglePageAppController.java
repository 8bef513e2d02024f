package io.switchboard.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Serves the front end's index.html for its client-side routes, so a deep link survives a reload. A
 * route is up to four segments without a dot; anything with a dot is a file (script, style, image)
 * and is left to the static resources, and the server's own prefixes are never routes.
 */
@Controller
class SinglePageAppController {
    private static final String FIRST = "{first:^(?!api$|ws$|actuator$|v3$|swagger-ui$|error$|assets$)[^.]+}";

    @GetMapping({"/", "/" + FIRST, "/" + FIRST + "/{second:[^.]+}", "/" + FIRST + "/{second:[^.]+}/{third:[^.]+}",
            "/" + FIRST + "/{second:[^.]+}/{third:[^.]+}/{fourth:[^.]+}"})
    String index() {
        return "forward:/index.html";
    }
}
