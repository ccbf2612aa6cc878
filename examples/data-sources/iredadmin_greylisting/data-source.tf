data "iredadmin_greylisting" "global" {
  target = "global"
}
