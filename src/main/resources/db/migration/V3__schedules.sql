-- Weekly working hours and on-call windows per engineer, in local time of the engineer's time zone.
-- No engineer_schedule row = no weekly pattern: the engineer is always reachable, outside overrides.
CREATE TABLE engineer_schedule (
  engineer_id VARCHAR(64)  PRIMARY KEY REFERENCES engineer(id) ON DELETE CASCADE,
  updated_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  version     BIGINT       NOT NULL
);

-- kind WORKING or ON_CALL; a window whose end is not after its start runs overnight into the next day.
CREATE TABLE schedule_window (
  engineer_id VARCHAR(64)  NOT NULL REFERENCES engineer_schedule(engineer_id) ON DELETE CASCADE,
  kind        VARCHAR(16)  NOT NULL,
  day_of_week VARCHAR(16)  NOT NULL,
  starts      TIME         NOT NULL,
  ends        TIME         NOT NULL
);
CREATE INDEX schedule_window_by_engineer ON schedule_window(engineer_id);

-- Dated exceptions (holiday, swapped shift) that win over the weekly pattern; [starts_at, ends_at).
CREATE TABLE duty_override (
  id          VARCHAR(64)  PRIMARY KEY,
  engineer_id VARCHAR(64)  NOT NULL REFERENCES engineer(id) ON DELETE CASCADE,
  starts_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  ends_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  kind        VARCHAR(16)  NOT NULL,
  note        VARCHAR(500),
  created_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX duty_override_by_engineer ON duty_override(engineer_id, ends_at);
CREATE INDEX duty_override_by_end ON duty_override(ends_at, starts_at);
