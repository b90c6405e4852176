-- Register numbers reserved ahead of their registrations (decision 0008). A row is deleted by the registration that
-- uses its number, in that registration's transaction; a row older than the reservation's expiry belongs to a
-- registration that failed, and its number goes to the next registration of its year.
CREATE TABLE register_serial_claim (
    serial_year INTEGER     NOT NULL,
    serial_no   BIGINT      NOT NULL,
    token       UUID        NOT NULL,
    claimed_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (serial_year, serial_no)
);
