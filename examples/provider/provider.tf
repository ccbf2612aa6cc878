terraform {
  required_providers {
    iredadmin = {
      source  = "iredadmin/iredadmin"
      version = "~> 0.1"
    }
  }
}

# url, username and password may come from IREDADMIN_URL, IREDADMIN_USERNAME, IREDADMIN_PASSWORD.
provider "iredadmin" {
  url      = "https://mail.example.com/iredadmin"
  username = "postmaster@example.com"
}
