-- When each browser last called (the admin's device list), whether feedback is dealt with, and an index for
-- the inbox filtered by agent.
ALTER TABLE devices ADD COLUMN last_seen_at timestamptz;
UPDATE devices SET last_seen_at = created_at;
ALTER TABLE feedback ADD COLUMN resolved_at timestamptz;
CREATE INDEX feedback_by_agent ON feedback (shop_id, user_id, id DESC);
CREATE INDEX stats_by_shop_day ON stats_days (shop_id, day);
