# A mail domain managed with Terraform through the iRedAdmin-Pro RESTful API.
# The provider reads its connection from IREDADMIN_URL, IREDADMIN_USERNAME and
# IREDADMIN_PASSWORD, so no secret is written here.

terraform {
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

resource "iredadmin_domain" "main" {
  domain         = var.domain
  name           = "Example Inc."
  quota          = var.domain_quota_mb
  default_quota  = 1024
  max_user_quota = 4096
  max_users      = 100
  max_aliases    = 50
  language       = "en_US"
  catchall       = ["postmaster@${var.domain}"]

  # Normal domain admins may not change bcc and relay settings.
  disabled_domain_profiles = ["bcc", "relay"]
}

output "domain" {
  value = iredadmin_domain.main.id
}
