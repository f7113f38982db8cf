-- The Russian edition writes dates as Russian readers do, "31 января 2018,
-- 02:43", now that month names follow the edition's language. An edition
-- whose admin chose another format keeps it.

-- +goose Up
UPDATE editions SET date_format = '2 January 2006, 15:04' WHERE code = 'ru' AND date_format = '02.01.2006 15:04';

-- +goose Down
UPDATE editions SET date_format = '02.01.2006 15:04' WHERE code = 'ru' AND date_format = '2 January 2006, 15:04';
