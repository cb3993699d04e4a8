// Code generated from the README's gin block by TestREADMEGinBlock -update; DO NOT EDIT.

package gintest

import (
	"errors"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/gin-gonic/gin/binding"
	"github.com/go-playground/locales/en"
	"github.com/go-playground/locales/zh"
	ut "github.com/go-playground/universal-translator"
	"github.com/go-playground/validator/v10"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/validate/tags"
)

// Form is the console's page: five fields of a filing.
type Form struct {
	Province string `json:"province"  binding:"required,icp_province"`
	Credit   string `json:"credit"    binding:"required,cn_uscc"`
	Mobile   string `json:"mobile"    binding:"required,cn_mobile"`
	SiteName string `json:"site_name" binding:"required,icp_site_name"`
	Domain   string `json:"domain"    binding:"required,icp_domain"`
}

// Filing puts the form into a filing. The fields the form does not ask
// for stay empty: they are not the form's to check.
func (f Form) Filing() *beian.Filing {
	return &beian.Filing{
		Province: f.Province,
		Subject: beian.Subject{Nature: beian.NatureEnterprise, CertType: beian.CertUSCC,
			CertNumber: f.Credit, Principal: beian.Principal{Mobile: f.Mobile}},
		Websites: []beian.Website{{Name: f.SiteName, Domains: []string{f.Domain}}},
	}
}

// NewRouter sets gin's validator up once and serves the form.
func NewRouter() (*gin.Engine, error) {
	uni := ut.New(zh.New(), zh.New(), en.New())
	zhTrans, _ := uni.GetTranslator("zh")
	enTrans, _ := uni.GetTranslator("en")
	v, ok := binding.Validator.Engine().(*validator.Validate)
	if !ok {
		return nil, errors.New("gin's validator is not validator/v10")
	}
	// The tags and their messages; errors name fields by their json tags.
	if err := tags.Register(v, zhTrans, enTrans); err != nil {
		return nil, err
	}
	// The whole filing check, on the fields the form has.
	if err := tags.RegisterFiling(v, tags.FilingOptions{}, Form{}); err != nil {
		return nil, err
	}
	r := gin.New()
	r.POST("/filing", func(c *gin.Context) {
		var form Form
		err := c.ShouldBindJSON(&form)
		var verrs validator.ValidationErrors
		switch {
		case errors.As(err, &verrs):
			tr := zhTrans
			if c.Query("lang") == "en" {
				tr = enTrans
			}
			fields := gin.H{} // at most one error per field
			for _, fe := range verrs {
				fields[fe.Field()] = gin.H{"code": fe.Tag(), "message": fe.Translate(tr)}
			}
			c.JSON(http.StatusUnprocessableEntity, gin.H{"fields": fields})
		case err != nil:
			c.JSON(http.StatusBadRequest, gin.H{"error": err.Error()})
		default:
			c.JSON(http.StatusOK, gin.H{"ok": true})
		}
	})
	return r, nil
}
