resource "iredadmin_domain" "example" {
  domain         = "example.com"
  name           = "Example Inc."
  quota          = 10240
  default_quota  = 1024
  max_user_quota = 4096
  max_users      = 100
  catchall       = ["postmaster@example.com"]
}
