-- A feed's cursor is the platform's to shape and is never cut (a cut one would resume elsewhere):
-- the Graph cursor names every comment at its last second, which can pass 255 characters.
alter table cursors alter column cursor_value set data type text;
