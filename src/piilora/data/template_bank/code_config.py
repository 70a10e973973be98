# ruff: noqa: E501
"""Templates of genre ``code_config``: .env files, YAML, INI, Python/JS, SQL, curl, compose."""

GENRE = "code_config"

RAW = r"""
%% code_config/001
DATABASE_URL=postgres://{{USERNAME}}:{{PASSWORD}}@{{?HOSTNAME}}:{{?PORT}}/app
REDIS_URL=redis://{{?HOSTNAME}}:6379/0
SECRET_KEY={{SECRET}}
DEBUG=false
%% code_config/002
[server]
host = {{?HOSTNAME}}
port = {{?PORT}}
workers = {{?NUMBER}}
log_level = info
%% code_config/003
curl -X POST https://{{?HOSTNAME}}/v1/charges \
  -u {{SECRET}}: \
  -d amount={{?NUMBER}} \
  -d currency=eur
%% code_config/004
services:
  db:
    image: postgres:16
    environment:
      POSTGRES_USER: {{USERNAME}}
      POSTGRES_PASSWORD: {{PASSWORD}}
    ports:
      - "{{?PORT}}:5432"
%% code_config/005
INSERT INTO customers (name, email, phone) VALUES ('{{PERSON}}', '{{EMAIL_ADDRESS}}', '{{PHONE_NUMBER}}');
-- imported from legacy CRM, original note: {{CONTEXT}}
%% code_config/006
def test_total():
    cart = Cart()
    cart.add("{{?SKU}}", qty=2, price=19.99)
    assert cart.total() == 39.98
%% code_config/007
replicaCount: {{?NUMBER}}
image:
  repository: ghcr.io/acme/api
  tag: "{{?VERSION}}"
resources:
  limits:
    memory: 512Mi
%% code_config/008
const client = new Client({
  apiKey: "{{SECRET}}",
  baseUrl: "https://{{?HOSTNAME}}",
  timeout: {{?NUMBER}},
});
%% code_config/009
# TODO: remove hardcoded creds before merge
ADMIN_USER = "{{USERNAME}}"
ADMIN_PASS = "{{PASSWORD}}"
%% code_config/010
SELECT id, status, total FROM orders WHERE created_at > '{{?DATE}}' AND status = '{{?STATUS}}' ORDER BY total DESC LIMIT {{?NUMBER}};
%% code_config/011
Host bastion
    HostName {{IP_ADDRESS}}
    User {{USERNAME}}
    Port {{?PORT}}
    IdentityFile ~/.ssh/id_ed25519
%% code_config/012
[user]
	name = {{PERSON}}
	email = {{EMAIL_ADDRESS}}
[core]
	editor = vim
%% code_config/013
FROM python:3.12-slim
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
EXPOSE {{?PORT}}
CMD ["gunicorn", "app:app"]
%% code_config/014
export AWS_ACCESS_KEY_ID={{SECRET#1}}
export AWS_SECRET_ACCESS_KEY={{SECRET#2}}
export AWS_DEFAULT_REGION={{?REGION}}
%% code_config/015
upstream backend {
    server {{IP_ADDRESS#1}}:{{?PORT}};
    server {{IP_ADDRESS#2}}:{{?PORT}};
}
%% code_config/016
logging:
  level: INFO
  handlers: [console, file]
  file: {{?PATH}}
retention_days: {{?NUMBER}}
%% code_config/017
curl -H "Authorization: Bearer {{SECRET}}" "https://{{?HOSTNAME}}{{?PATH}}"
%% code_config/018
# {{CONTEXT}}
users = [
    {"name": "{{PERSON#1}}", "email": "{{EMAIL_ADDRESS#1}}"},
    {"name": "{{PERSON#2}}", "email": "{{EMAIL_ADDRESS#2}}"},
]
%% code_config/019
"dependencies": {
  "express": "^{{?VERSION}}",
  "pg": "^{{?VERSION}}",
  "zod": "^{{?VERSION}}"
}
%% code_config/020
UPDATE users SET password_hash = crypt('{{PASSWORD}}', gen_salt('bf')) WHERE username = '{{USERNAME}}';
%% code_config/021
SMTP_HOST={{?HOSTNAME}}
SMTP_PORT=587
SMTP_USER={{EMAIL_ADDRESS}}
SMTP_PASSWORD={{PASSWORD}}
MAIL_FROM_NAME="{{?COMPANY}} Notifications"
%% code_config/022
if retries > {{?NUMBER}}:
    logger.warning("giving up after %d retries on %s", retries, "{{?PATH}}")
    raise ServiceUnavailable("{{?ERROR_CODE}}")
%% code_config/023
# fixtures/seed.py
Customer.objects.create(name="{{PERSON}}", iban="{{IBAN_CODE}}", address="{{STREET_ADDRESS}}")
%% code_config/024
[database]
user = {{USERNAME}}
password = {{PASSWORD}}
host = {{?HOSTNAME}}
; port = {{?PORT}}
%% code_config/025
cron:
  - name: nightly-report
    schedule: "0 3 * * *"
    command: python -m reports.nightly --since {{?DATE}}
%% code_config/026
git clone https://{{USERNAME}}:{{SECRET}}@github.com/acme/internal-tools.git
%% code_config/027
ALLOWED_HOSTS = ["{{?HOSTNAME}}", "localhost"]
CSRF_TRUSTED_ORIGINS = ["https://{{?HOSTNAME}}"]
SESSION_COOKIE_AGE = {{?NUMBER}}
%% code_config/028
-- migration {{?VERSION}}
ALTER TABLE invoices ADD COLUMN vat_rate NUMERIC(5,2) DEFAULT 19.00;
CREATE INDEX idx_invoices_due ON invoices (due_date);
%% code_config/029
INSERT INTO employees (full_name, ssn, dob, dl_number) VALUES ('{{PERSON}}', '{{US_SSN}}', '{{DATE_OF_BIRTH}}', '{{US_DRIVER_LICENSE}}');
%% code_config/030
firewall:
  allow:
    - {{IP_ADDRESS#1}}/32  # office
    - {{IP_ADDRESS#2}}/32  # home of on-call
  deny_all: true
%% code_config/031
// mock data for the demo ({{CONTEXT}})
const demoUser = { name: "{{PERSON}}", phone: "{{PHONE_NUMBER}}", card: "{{CREDIT_CARD}}" };
%% code_config/032
[pytest]
testpaths = tests
addopts = -q --maxfail={{?NUMBER}}
timeout = {{?NUMBER}}
%% code_config/033
kubectl create secret generic api-keys --from-literal=STRIPE_KEY={{SECRET}} -n {{?ENV}}
%% code_config/034
resource "aws_s3_bucket" "logs" {
  bucket = "acme-logs-{{?ENV}}"
  tags = { team = "{{?DEPARTMENT}}" }
}
%% code_config/035
SENTRY_DSN=https://{{SECRET}}@o{{?NUMBER}}.ingest.sentry.io/{{?NUMBER}}
RELEASE={{?VERSION}}
%% code_config/036
# contact maintainer: {{PERSON}} <{{EMAIL_ADDRESS}}>
# {{CONTEXT}}
__version__ = "{{?VERSION}}"
%% code_config/037
>>> resp = requests.get("https://{{?HOSTNAME}}{{?PATH}}", timeout=5)
>>> resp.status_code
{{?HTTP_STATUS}}
%% code_config/038
mysql -h {{?HOSTNAME}} -u {{USERNAME}} -p'{{PASSWORD}}' orders < dump.sql
%% code_config/039
env:
  - name: FEATURE_FLAGS
    value: "new_checkout,dark_mode"
  - name: MAX_UPLOAD
    value: "{{?FILE_SIZE}}"
%% code_config/040
COPY payouts (holder, bank_account, amount) FROM stdin;
{{PERSON#1}}	{{BANK_ACCOUNT#1}}	{{?AMOUNT}}
{{PERSON#2}}	{{BANK_ACCOUNT#2}}	{{?AMOUNT}}
\.
%% code_config/041
GITHUB_TOKEN={{SECRET}}   # {{CONTEXT}}
%% code_config/042
func main() {
	srv := &http.Server{Addr: ":{{?PORT}}", ReadTimeout: 5 * time.Second}
	log.Fatal(srv.ListenAndServe())
}
%% code_config/043
test_user:
  username: {{USERNAME}}
  password: {{PASSWORD}}
  profile_url: {{URL}}
  notes: "{{CONTEXT}}"
%% code_config/044
$ ssh {{USERNAME}}@{{IP_ADDRESS}} -p {{?PORT}}
Last login: {{?TIMESTAMP}} from {{IP_ADDRESS}}
%% code_config/045
OPENAI_API_KEY={{SECRET}}
MODEL=small
MAX_TOKENS={{?NUMBER}}
%% code_config/046
def send_receipt(order_id: str) -> None:
    # {{CONTEXT}}
    mailer.send(to="{{EMAIL_ADDRESS}}", template="receipt", order=order_id)
%% code_config/047
# seed data - DO NOT USE IN PROD
INSERT INTO drivers (name, license_no, ssn) VALUES ('{{PERSON}}', '{{US_DRIVER_LICENSE}}', '{{US_SSN}}');
%% code_config/048
STRIPE_TEST_CARD={{CREDIT_CARD}}
STRIPE_SECRET={{SECRET}}
%% code_config/049
# {{CONTEXT}}
[account]
holder = {{PERSON}}
iban = {{IBAN_CODE}}
%% code_config/050
fixtures:
  passenger:
    name: {{PERSON}}
    passport: {{PASSPORT}}
    national_id: {{NATIONAL_ID}}
%% code_config/051
[client]
server_ip = {{IP_ADDRESS}}
api_token = {{SECRET}}
; {{CONTEXT}}
%% code_config/052
ldap:
  bind_dn: "cn={{USERNAME}},ou=service,dc=corp,dc=local"
  bind_password: "{{PASSWORD}}"
  url: "ldaps://{{?HOSTNAME}}:636"
%% code_config/053
[tool.poetry.dependencies]
python = "^3.11"
httpx = "^{{?VERSION}}"
pydantic = "^{{?VERSION}}"
%% code_config/054
location /api/ {
    proxy_pass http://{{?HOSTNAME}}:{{?PORT}};
    proxy_read_timeout 60s;
    client_max_body_size 20m;
}
%% code_config/055
export const config = {
  region: "{{?REGION}}",
  retries: {{?NUMBER}},
  endpoint: "https://{{?HOSTNAME}}{{?PATH}}",
};
%% code_config/056
CREATE TABLE orders (
  id BIGSERIAL PRIMARY KEY,
  sku TEXT NOT NULL,
  total_cents INTEGER NOT NULL,
  created_at TIMESTAMPTZ DEFAULT now()
);
%% code_config/057
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: pip install -e .[test] && pytest -q --timeout={{?NUMBER}}
%% code_config/058
GIT_AUTHOR_NAME="{{PERSON#1}}"
GIT_AUTHOR_EMAIL={{EMAIL_ADDRESS#1}}
GIT_COMMITTER_NAME="{{PERSON#1}}"
GIT_COMMITTER_EMAIL={{EMAIL_ADDRESS#1}}
%% code_config/059
cache:
  backend: "redis://{{?HOSTNAME}}:{{?PORT}}/1"
  key_prefix: "product:"
  warmup_key: "product:{{?SKU}}"
  ttl_seconds: {{?NUMBER}}
%% code_config/060
IDEMPOTENCY_KEY = "{{?UUID}}"  # fixed for the replay test
TRACE_SAMPLE_ID = "{{?HEX_ID}}"
ASSETS_URL = "https://{{?HOSTNAME}}/assets-{{?ENV}}"
%% code_config/061
curl -sS -u {{USERNAME}}:{{SECRET}} "https://{{?HOSTNAME}}/v1/refunds" -H "Idempotency-Key: {{?UUID}}"
%% code_config/062
psql "host={{?HOSTNAME}} user={{USERNAME}} password={{PASSWORD}} dbname=shop" -c "SELECT count(*) FROM orders;"
%% code_config/063
def test_checkout(client):
    # `{{CREDIT_CARD#1}}` is a real card copied from {{?TICKET_ID}}, replace it
    resp = client.post("/pay", json={"card": "{{CREDIT_CARD#1}}", "sku": "{{?SKU}}"})
    assert resp.status_code == {{?HTTP_STATUS}}
%% code_config/064
docker login -u {{USERNAME}} --password={{PASSWORD}} {{?HOSTNAME}}
kubectl create secret generic payments --from-literal=PAYMENTS_API_TOKEN={{SECRET}} -n {{?ENV}}
%% code_config/065
SEED = [
    Product(name="{{?PRODUCT}}", sku="{{?SKU}}", vendor="{{?COMPANY}}"),
    User(name="{{PERSON}}", email="{{EMAIL_ADDRESS}}", passport="{{PASSPORT}}"),
]
"""
