-- The shop, its people and their browsers; the library with its history; the feedback inbox; statistics.
CREATE TABLE shops (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  shop_id integer NOT NULL REFERENCES shops (id),
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('admin', 'agent')),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- One row per browser. Only a salted hash of the token's secret is kept.
CREATE TABLE devices (
  id text PRIMARY KEY,
  user_id integer NOT NULL REFERENCES users (id),
  label text NOT NULL DEFAULT '',
  salt bytea NOT NULL,
  hash bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);

-- One-time codes: 'setup' creates the shop and its admin, 'invite' adds a person to the shop.
CREATE TABLE codes (
  id text PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('setup', 'invite')),
  shop_id integer REFERENCES shops (id),
  role text CHECK (role IN ('admin', 'agent')),
  name text,
  salt bytea NOT NULL,
  hash bytea NOT NULL,
  created_by integer REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);

CREATE TABLE library (
  shop_id integer PRIMARY KEY REFERENCES shops (id),
  revision integer NOT NULL,
  data jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Every change of the library: who, when, and the library before and after it.
CREATE TABLE library_changes (
  shop_id integer NOT NULL REFERENCES shops (id),
  revision integer NOT NULL,
  user_id integer NOT NULL REFERENCES users (id),
  at timestamptz NOT NULL DEFAULT now(),
  kind text NOT NULL CHECK (kind IN ('edit', 'rollback')),
  rolled_back integer,
  before jsonb NOT NULL,
  after jsonb NOT NULL,
  PRIMARY KEY (shop_id, revision)
);

CREATE TABLE feedback (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  shop_id integer NOT NULL REFERENCES shops (id),
  user_id integer NOT NULL REFERENCES users (id),
  device_id text NOT NULL REFERENCES devices (id),
  idempotency_key text NOT NULL,
  body_hash text NOT NULL,
  category text NOT NULL,
  description text NOT NULL,
  context jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (user_id, idempotency_key)
);

CREATE TABLE feedback_images (
  feedback_id integer NOT NULL REFERENCES feedback (id) ON DELETE CASCADE,
  position smallint NOT NULL,
  type text NOT NULL,
  width integer NOT NULL,
  height integer NOT NULL,
  bytes bytea NOT NULL,
  PRIMARY KEY (feedback_id, position)
);

-- A browser's daily totals per intent ('' for buyer-message counters), replaced by each push.
CREATE TABLE stats_days (
  device_id text NOT NULL REFERENCES devices (id),
  user_id integer NOT NULL REFERENCES users (id),
  shop_id integer NOT NULL REFERENCES shops (id),
  day text NOT NULL CHECK (day ~ '^\d{4}-\d{2}-\d{2}$'),
  intent text NOT NULL,
  shown integer NOT NULL,
  copied integer NOT NULL,
  sent integer NOT NULL,
  actions integer NOT NULL,
  dismissed integer NOT NULL,
  feedback integer NOT NULL,
  buyer_messages integer NOT NULL,
  answered integer NOT NULL,
  answered_in_3m integer NOT NULL,
  reply_seconds double precision NOT NULL,
  hours integer[] NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (device_id, day, intent)
);
