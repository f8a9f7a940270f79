models nothing-like-this
