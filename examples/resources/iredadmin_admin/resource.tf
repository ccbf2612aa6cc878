resource "iredadmin_admin" "helpdesk" {
  email               = "helpdesk@example.com"
  name                = "Help desk"
  password_wo         = var.helpdesk_password # write-only: never stored in state
  password_wo_version = 1                     # bump to send a new password
  max_domains         = 5
  max_quota           = 2
  max_quota_unit      = "TB"
  max_users           = 500
}
