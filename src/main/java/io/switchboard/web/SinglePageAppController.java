package io.switchboard.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Serves the front end's index.html for its client-side routes, so a deep link survives a reload. */
@Controller
class SinglePageAppController {

    @GetMapping({"/", "/{page:^(?!api$|ws$|actuator$|v3$|swagger-ui$|error$)[^.]*}",
            "/{page:^(?!api$|ws$|actuator$|v3$|swagger-ui$|error$)[^.]*}/**"})
    String index() {
        return "forward:/index.html";
    }
}
