package io.switchboard.schedules;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.switchboard.directory.DirectoryService;
import io.switchboard.directory.EngineerAvailability;
import io.switchboard.directory.EngineerPatch;
import io.switchboard.directory.EngineerView;
import io.switchboard.web.InvalidInputException;
import io.switchboard.web.NotFoundException;

/** Keeps engineers' weekly patterns and overrides, and answers who can be reached when. */
@Service
class ScheduleService implements DutyRoster {
    private final Schedules schedules;
    private final DutyOverrides overrides;
    private final DirectoryService directory;
    private final ScheduleSettings settings;
    private final Clock clock;

    ScheduleService(Schedules schedules, DutyOverrides overrides, DirectoryService directory, ScheduleSettings settings,
            Clock clock) {
        this.schedules = schedules;
        this.overrides = overrides;
        this.directory = directory;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public Set<String> reachable(Collection<EngineerAvailability> engineers, Instant at, boolean onCallAllowed) {
        if (engineers.isEmpty()) {
            return Set.of();
        }
        var calendars = calendars(zones(engineers, EngineerAvailability::id, EngineerAvailability::timeZone), at);
        return engineers.stream().map(EngineerAvailability::id)
                .filter(id -> !calendars.containsKey(id) || calendars.get(id).reachable(at, onCallAllowed))
                .collect(Collectors.toSet());
    }

    @Transactional(readOnly = true)
    ScheduleView view(String engineerId) {
        var engineer = engineer(engineerId);
        var now = clock.instant();
        var pattern = schedules.findById(engineerId).map(Schedule::windows).orElse(null);
        var pending = overrides.findNotEnded(new String[] {engineerId}, now);
        var calendar = new DutyCalendar(zoneOf(engineer.timeZone()), pattern,
                pending.stream().map(DutyOverride::span).toList());
        var mode = calendar.modeAt(now);
        return new ScheduleView(calendar.zone().getId(), byDay(pattern, DutyMode.WORKING), byDay(pattern, DutyMode.ON_CALL),
                pending.stream().map(DutyOverride::view).toList(),
                new ScheduleView.Now(mode != DutyMode.OFF, mode, calendar.nextChange(now)));
    }

    /** Replaces the weekly pattern (and the time zone, when given); a bad pattern changes nothing. */
    @Transactional
    ScheduleView replacePattern(String engineerId, WeeklyPattern pattern) {
        var engineer = engineer(engineerId);
        var windows = pattern.windows();
        if (pattern.timeZone() != null && !pattern.timeZone().equals(engineer.timeZone())) {
            // the directory checks the zone (400 naming timeZone) and announces the change
            directory.patchEngineer(engineerId,
                    new EngineerPatch(null, null, null, null, null, null, pattern.timeZone(), null, null));
        }
        var schedule = schedules.findById(engineerId).orElseGet(() -> new Schedule(engineerId));
        schedule.replace(windows, clock.instant());
        schedules.save(schedule);
        return view(engineerId);
    }

    /** Drops the weekly pattern: the engineer is always reachable again, outside their overrides. */
    @Transactional
    void removePattern(String engineerId) {
        engineer(engineerId);
        schedules.findById(engineerId).ifPresent(schedules::delete);
    }

    @Transactional
    OverrideView addOverride(String engineerId, NewOverride request) {
        engineer(engineerId);
        var now = clock.instant();
        if (!request.to().isAfter(request.from())) {
            throw InvalidInputException.field("to", "must be after from (" + request.from() + ")");
        }
        if (request.from().plus(settings.maxOverride()).isBefore(request.to())) {
            throw InvalidInputException.field("to", "an override may last at most " + settings.maxOverride().toDays()
                    + " days; add several for longer");
        }
        if (!request.to().isAfter(now)) {
            throw InvalidInputException.field("to", "lies in the past");
        }
        String note = request.note() == null || request.note().isBlank() ? null : request.note().trim();
        var override = new DutyOverride(UUID.randomUUID().toString(), engineerId,
                new OverrideSpan(request.from(), request.to(), request.kind()), note, now);
        return overrides.save(override).view();
    }

    @Transactional
    void removeOverride(String engineerId, String overrideId) {
        var override = overrides.findById(overrideId).filter(o -> o.engineerId().equals(engineerId))
                .orElseThrow(() -> new NotFoundException("override", overrideId));
        overrides.delete(override);
    }

    /**
     * Engineers with a schedule who are working or on call at {@code at} (null = now), optionally only those declaring
     * a system.
     */
    @Transactional(readOnly = true)
    OnDutyBoard onDuty(Instant when, String systemId) {
        var at = when == null ? clock.instant() : when;
        if (systemId != null && directory.findSystem(systemId).isEmpty()) {
            throw InvalidInputException.field("systemId", "system '" + systemId + "' does not exist");
        }
        var ids = new LinkedHashSet<>(schedules.findEngineerIds());
        ids.addAll(overrides.findEngineersCovered(at));
        var engineers = directory.findEngineers(ids).stream()
                .filter(e -> systemId == null || e.systems().stream().anyMatch(s -> systemId.equals(s.systemId())))
                .toList();
        var calendars = calendars(zones(engineers, EngineerView::id, EngineerView::timeZone), at);
        var entries = new ArrayList<OnDutyBoard.Entry>();
        for (var engineer : engineers) {
            var calendar = calendars.get(engineer.id());
            var mode = calendar.modeAt(at);
            if (mode != DutyMode.OFF) {
                entries.add(new OnDutyBoard.Entry(engineer.id(), engineer.name(), engineer.status(), mode,
                        calendar.nextChange(at)));
            }
        }
        entries.sort(Comparator.comparing(OnDutyBoard.Entry::name, Comparator.nullsLast(Comparator.naturalOrder())));
        return new OnDutyBoard(at, entries);
    }

    /** The calendars of those engineers who have a pattern or an override not ended by {@code at}: two queries, a third to read the patterns of those who have one. */
    private Map<String, DutyCalendar> calendars(Map<String, String> timeZones, Instant at) {
        var ids = timeZones.keySet().toArray(String[]::new);
        var patterns = new HashMap<String, List<ScheduleWindow>>();
        var scheduled = schedules.findScheduled(ids);
        if (!scheduled.isEmpty()) {
            schedules.findWithWindows(scheduled).forEach(s -> patterns.put(s.getId(), s.windows()));
        }
        var spans = overrides.findNotEnded(ids, at).stream().collect(Collectors.groupingBy(DutyOverride::engineerId,
                Collectors.mapping(DutyOverride::span, Collectors.toList())));
        var calendars = new HashMap<String, DutyCalendar>();
        for (var id : ids) {
            if (patterns.containsKey(id) || spans.containsKey(id)) {
                calendars.put(id, new DutyCalendar(zoneOf(timeZones.get(id)), patterns.get(id),
                        spans.getOrDefault(id, List.of())));
            }
        }
        return calendars;
    }

    /** Each engineer's id with the time zone of their hours (null when they have none). */
    private static <E> Map<String, String> zones(Collection<E> engineers, Function<E, String> id,
            Function<E, String> timeZone) {
        var zones = new HashMap<String, String>();
        engineers.forEach(engineer -> zones.put(id.apply(engineer), timeZone.apply(engineer)));
        return zones;
    }

    private EngineerView engineer(String engineerId) {
        return directory.findEngineer(engineerId).orElseThrow(() -> new NotFoundException("engineer", engineerId));
    }

    /** Engineers without a time zone keep their hours in UTC. */
    private static ZoneId zoneOf(String timeZone) {
        return timeZone == null ? ZoneOffset.UTC : ZoneId.of(timeZone);
    }

    private static Map<DayOfWeek, List<Window>> byDay(List<ScheduleWindow> pattern, DutyMode mode) {
        if (pattern == null) {
            return null;
        }
        var days = new EnumMap<DayOfWeek, List<Window>>(DayOfWeek.class);
        for (var day : DayOfWeek.values()) {
            days.put(day, pattern.stream().filter(w -> w.mode() == mode && w.day() == day)
                    .sorted(Comparator.comparing(ScheduleWindow::from))
                    .map(w -> new Window(w.from(), w.to())).toList());
        }
        return days;
    }
}
