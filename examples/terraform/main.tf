# Example Inc.'s mail managed with Terraform through the iRedAdmin-Pro RESTful API: the same
# organisation as the CDKTF stack in examples/cdktf (people, teams, newsletter, throttles, spam,
# white/blacklists, greylisting).
# The provider reads its connection from IREDADMIN_URL, IREDADMIN_USERNAME and
# IREDADMIN_PASSWORD; user passwords come from an ephemeral variable into write-only
# attributes, so no secret is written here, in the plan or in the state.

terraform {
  required_version = ">= 1.11"
  required_providers {
    iredadmin = {
      source  = "iredadmin/iredadmin"
      version = "~> 0.1"
    }
  }
}

provider "iredadmin" {}

variable "domain" {
  type    = string
  default = "example.com"
}

variable "domain_quota_mb" {
  type        = number
  default     = 10240
  description = "Mailbox quota of the whole domain, in MB."
}

variable "user_passwords" {
  type        = map(string)
  sensitive   = true
  ephemeral   = true
  description = "Initial password of each person, by login (TF_VAR_user_passwords='{\"jane\":\"…\"}')."
}

variable "admin_email" {
  type        = string
  default     = "it-admin@example.net"
  description = "Login of the IT department's separate admin account: outside the hosted domains (iRedAdmin-Pro refuses one inside them)."
}

variable "admin_password" {
  type        = string
  sensitive   = true
  ephemeral   = true
  description = "Password of the IT department's domain admin account."
}

locals {
  people = {
    jane = { name = "Jane Doe", team = "management", quota = 2048, aliases = ["ceo"], forward_to = [], max_per_hour = null }
    john = { name = "John Roe", team = "sales", quota = 1024, aliases = [], forward_to = ["john.roe@partner.example"], max_per_hour = 200 }
    mia  = { name = "Mia Chen", team = "sales", quota = 1024, aliases = [], forward_to = [], max_per_hour = 200 }
    ada  = { name = "Ada Byron", team = "engineering", quota = 1024, aliases = ["ops"], forward_to = [], max_per_hour = null }
  }
  domain = iredadmin_domain.main.domain
}

resource "iredadmin_domain" "main" {
  domain         = var.domain
  name           = "Example Inc."
  quota          = var.domain_quota_mb
  default_quota  = 1024
  max_user_quota = 4096
  max_users      = 100
  max_aliases    = 50
  max_lists      = 10
  language       = "en_US"
  catchall       = ["postmaster@${var.domain}"]

  # Normal domain admins may not change bcc and relay settings.
  disabled_domain_profiles = ["bcc", "relay"]
}

resource "iredadmin_user" "person" {
  for_each = local.people

  email               = "${each.key}@${local.domain}"
  name                = each.value.name
  quota               = each.value.quota
  password_wo         = var.user_passwords[each.key]
  password_wo_version = 1 # bump to send password_wo again (a rotation)
  aliases             = length(each.value.aliases) > 0 ? [for a in each.value.aliases : "${a}@${local.domain}"] : null
  forwarding          = length(each.value.forward_to) > 0 ? concat(["${each.key}@${local.domain}"], each.value.forward_to) : null
}

# The IT department runs the domain through a separate admin account with its own limits (its
# address lies outside the hosted domains), together with the managing director's mailbox: a mail
# user of the domain becomes its admin through iredadmin_domain_admins.
resource "iredadmin_admin" "it" {
  email               = var.admin_email
  name                = "IT department"
  password_wo         = var.admin_password
  password_wo_version = 1
  max_users           = 200
  max_aliases         = 100
  max_lists           = 20
}

resource "iredadmin_domain_admins" "main" {
  domain = local.domain
  admins = concat([iredadmin_admin.it.email], [for login, p in local.people : iredadmin_user.person[login].email if p.team == "management"])
}

resource "iredadmin_alias" "team" {
  for_each = toset(["sales", "engineering"])

  email   = "${each.key}@${local.domain}"
  name    = "${title(each.key)} team"
  members = [for login, p in local.people : iredadmin_user.person[login].email if p.team == each.key]
}

resource "iredadmin_alias" "everyone" {
  email         = "everyone@${local.domain}"
  name          = "Everyone"
  access_policy = "domain"
  members       = [for u in iredadmin_user.person : u.email]
}

resource "iredadmin_maillist" "news" {
  email                  = "news@${local.domain}"
  name                   = "Company news"
  access_policy          = "moderatorsonly"
  members                = [for u in iredadmin_user.person : u.email]
  moderators             = [iredadmin_user.person["jane"].email]
  owners                 = [iredadmin_user.person["jane"].email]
  is_newsletter          = true
  newsletter_description = "What happens at Example Inc., once a month."
}

resource "iredadmin_throttle" "domain_outbound" {
  target    = local.domain
  direction = "outbound"
  period    = 3600
  max_msgs  = 1000
}

resource "iredadmin_throttle" "person_outbound" {
  for_each = { for login, p in local.people : login => p if p.max_per_hour != null }

  target    = iredadmin_user.person[each.key].email
  direction = "outbound"
  period    = 3600
  max_msgs  = each.value.max_per_hour
}

resource "iredadmin_spampolicy" "domain" {
  target                 = local.domain
  quarantine_spam        = true
  quarantine_virus       = true
  prefix_spam_in_subject = true
  spam_score             = 6
}

# Mail from the partner and the office network is never spam; a known spammer's domain is refused.
resource "iredadmin_wblist" "domain_inbound" {
  target    = local.domain
  direction = "inbound"
  whitelist = ["@partner.example", "192.0.2.0/24"]
  blacklist = ["@spam.example"]
}

# Greylisting stays on for the domain, except for the partner's mail servers.
resource "iredadmin_greylisting" "domain" {
  target              = local.domain
  enabled             = true
  whitelisted_senders = ["@partner.example"]
}

output "domain_id" {
  value = iredadmin_domain.main.id
}

output "mailboxes" {
  value = [for u in iredadmin_user.person : u.email]
}
