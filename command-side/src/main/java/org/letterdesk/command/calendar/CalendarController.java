package org.letterdesk.command.calendar;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.letterdesk.command.api.Actor;
import org.letterdesk.command.api.CommandRequest;
import org.letterdesk.command.api.CommandRunner;
import org.letterdesk.procedure.Role;
import org.letterdesk.command.calendar.CalendarRequests.CalendarYearRequest;
import org.letterdesk.problem.LetterdeskProblem;
import org.letterdesk.problem.ProblemCode;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

// consumes is set on the PUT only: on the class it would also demand a JSON body of the GET.
@RestController
@RequestMapping(path = "/api/calendar", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Calendar", description = "The working-day calendar (statutory holidays and make-up workdays, 调休)"
        + " that deadlines count in")
class CalendarController {

    private static final int FIRST_YEAR = 2000;
    private static final int LAST_YEAR = 2100;

    /** origin: LOADED by an administrator, BUILT_IN, or NONE (Monday–Friday are working days). */
    record CalendarView(int year, String origin, List<LocalDate> holidays, List<LocalDate> workdays) {
    }

    private final CommandRunner commands;
    private final StoredCalendars calendars;
    private final CalendarLoader loader;

    CalendarController(CommandRunner commands, StoredCalendars calendars, CalendarLoader loader) {
        this.commands = commands;
        this.calendars = calendars;
        this.loader = loader;
    }

    @GetMapping("/{year}")
    @Operation(summary = "A year's working-day calendar and where it comes from (any staff role)")
    CalendarView get(@PathVariable int year) {
        commands.authorize(Role.values());
        requireSupportedYear(year);
        Optional<CalendarYear> found = calendars.find(year);
        return new CalendarView(year, calendars.origin(year),
                found.map(y -> List.copyOf(y.holidays())).orElse(List.of()),
                found.map(y -> List.copyOf(y.workdays())).orElse(List.of()));
    }

    @PutMapping(path = "/{year}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Load or replace a year's holidays and make-up workdays (ADMIN): CalendarYearLoaded")
    CalendarView load(@PathVariable int year, @RequestBody CalendarYearRequest body, CommandRequest request) {
        Actor actor = commands.authorize(Role.ADMIN);
        requireSupportedYear(year);
        commands.validate(body);
        loader.load(actor, request, year, body.holidays(), body.workdays());
        // What was just loaded, as a GET shows it, without waiting for the calendar cache of this node.
        return new CalendarView(year, "LOADED", List.copyOf(new TreeSet<>(body.holidays())),
                List.copyOf(new TreeSet<>(body.workdays())));
    }

    private static void requireSupportedYear(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            String message = "must be between " + FIRST_YEAR + " and " + LAST_YEAR;
            throw new LetterdeskProblem(ProblemCode.VALIDATION_FAILED, "year " + year + " is not supported",
                    Map.of("errors", List.of(Map.of("field", "year", "message", message))));
        }
    }
}
