-- Index of scheduled deadlines by scope (the letter) and name, so meeting a deadline cancels its schedules by
-- lookup instead of scanning every scheduled deadline.
CREATE TABLE deadline_schedule (
    schedule_id   VARCHAR(64)  PRIMARY KEY,
    scope         VARCHAR(300) NOT NULL,
    deadline_name VARCHAR(100) NOT NULL
);
CREATE INDEX deadline_schedule_scope_idx ON deadline_schedule (scope, deadline_name);
